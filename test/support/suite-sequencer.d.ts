/** The spec files the suite at `path` imports, each on an `import` line of its own, as paths beside it. */
export function specsImportedBy(path: string): string[];
