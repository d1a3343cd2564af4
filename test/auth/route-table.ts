import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/common/roles.decorator.js';
import type { Role } from '../../src/common/actor.js';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] } | { kind: 'none' };

export interface RegisteredRoute {
  method: string;
  path: string;
  rule: AccessRule;
}

function joinPath(...parts: (string | undefined)[]): string {
  const path = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter((segment) => segment !== '')
    .join('/');
  return `/${path}`;
}

/** Every route the Nest application registered, read from its controllers, with its access rule. */
export function registeredRoutes(app: INestApplication): RegisteredRoute[] {
  const reflector = new Reflector();
  const routes: RegisteredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const targets = [handler, controller];
        const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
        const rule: AccessRule = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)
          ? { kind: 'public' }
          : roles
            ? { kind: 'roles', roles }
            : { kind: 'none' };
        for (const b of base) {
          for (const p of [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()) {
            routes.push({ method: RequestMethod[method], path: joinPath(b, p), rule });
          }
        }
      }
    }
  }
  return routes;
}

/** A concrete URL for a route pattern: parameters become a well-formed id that names nothing. */
export function concretePath(path: string): string {
  return path.replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*[A-Za-z0-9_]*/g, 'x');
}
