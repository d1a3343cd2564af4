import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One component's state; a component down says why in `message`. */
export class ComponentHealth {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiPropertyOptional({ example: 'connect ECONNREFUSED; deadlines wait in the database until Redis answers' })
  message?: string;
  @ApiPropertyOptional({ example: 12, description: 'How long the check took, in ms' }) responseTime?: number;
  @ApiPropertyOptional({
    description: 'Redis on the readiness check: it does not answer, and the API serves without it',
  })
  degraded?: boolean;
}

const BY_COMPONENT = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(ComponentHealth) },
  example: { database: { status: 'up' }, redis: { status: 'up' } },
} as const;

/**
 * @nestjs/terminus's answer, described here because its own description needs a CommonJS
 * `require` of @nestjs/swagger, which the ESM test runner cannot give it.
 */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: string;
  @ApiPropertyOptional({ ...BY_COMPONENT, description: 'The components that are up' }) info?: object;
  @ApiPropertyOptional({
    ...BY_COMPONENT,
    example: { redis: { status: 'down', message: 'Redis does not answer' } },
    description: 'The components that are down',
  })
  error?: object;
  @ApiProperty({ ...BY_COMPONENT, description: 'Every component' }) details!: object;
}
