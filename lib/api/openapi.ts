import { progressStatuses } from '@/lib/domain/progress';
/** OpenAPI 3.1 description of the read-only API at /api/v1. */

const query = [
  {
    name: 'year',
    in: 'query',
    schema: { type: 'integer', minimum: 2021, maximum: 2030 },
    description: 'Year (default: the current year).',
  },
  {
    name: 'basis',
    in: 'query',
    schema: { type: 'string', enum: ['official', 'provisional'], default: 'official' },
    description:
      'Official counts recognised wards; provisional adds wards attaining every criterion on their own results.',
  },
  {
    name: 'units',
    in: 'query',
    schema: { type: 'string', enum: ['today', 'recorded'], default: 'today' },
    description:
      "today: former wards count under today's units; recorded: as assessed at the time.",
  },
];

const totals = {
  type: 'object',
  properties: {
    wards: { type: 'integer' },
    registered: { type: 'integer' },
    attained: { type: 'integer' },
    recognised: { type: 'integer' },
    counted: {
      type: 'integer',
      description: 'recognised (official) or recognised ∪ attained (provisional)',
    },
  },
};

const progress = {
  type: 'object',
  required: ['scope', 'year', 'totals', 'series', 'provinces'],
  properties: {
    scope: {
      type: 'object',
      properties: {
        level: { enum: ['nation', 'province'] },
        code: { type: ['string', 'null'] },
        name: { type: 'string' },
      },
    },
    year: { type: 'integer' },
    basis: { enum: ['official', 'provisional'] },
    units: { enum: ['today', 'recorded'] },
    dataDate: { type: 'string', format: 'date-time' },
    totals,
    share: { type: ['number', 'null'], description: 'Fraction of wards counted (0–1).' },
    target: {
      type: ['object', 'null'],
      properties: {
        year: { type: 'integer' },
        share: { type: 'number' },
        origin: { enum: ['province', 'national'] },
        source: { type: 'string' },
      },
    },
    wardsNeeded: { type: ['integer', 'null'] },
    status: { enum: [...progressStatuses] },
    projectedFullYear: { type: ['integer', 'null'] },
    series: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          year: { type: 'integer' },
          actual: { type: ['number', 'null'] },
          target: { type: ['number', 'null'] },
          forecast: { type: ['number', 'null'] },
        },
      },
    },
    provinces: { type: 'array', items: { type: 'object' } },
    wards: { type: 'array', items: { type: 'object' }, description: 'Province scope only.' },
  },
};

const errors = {
  '401': { description: 'Missing, invalid, expired or revoked token.' },
  '404': { description: 'Unknown, or outside the token’s scope.' },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Kiểu Mẫu — read-only API',
    version: '1.0.0',
    description:
      'Progress of the model ward police programme by year and scope. Tokens are issued, scoped (nationwide or one province) and revoked by administrators at /admin/tokens. Every call is recorded in the audit trail.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'km_<prefix>_<secret>' },
    },
  },
  security: [{ bearer: [] }],
  paths: {
    '/progress': {
      get: {
        summary: 'Progress for the nation (or the token’s province)',
        parameters: query,
        responses: {
          '200': { description: 'Progress', content: { 'application/json': { schema: progress } } },
          '400': { description: 'Invalid query' },
          ...errors,
        },
      },
    },
    '/provinces/{code}/progress': {
      get: {
        summary: 'Progress for one of today’s provinces, with its wards',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^\\d{2}$' },
          },
          ...query,
        ],
        responses: {
          '200': { description: 'Progress', content: { 'application/json': { schema: progress } } },
          '400': { description: 'Invalid query' },
          ...errors,
        },
      },
    },
    '/wards/{code}': {
      get: {
        summary: 'A ward’s assessments by year, its predecessors’ included',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^\\d{5}$' },
          },
        ],
        responses: {
          '200': {
            description: 'Ward history',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          ...errors,
        },
      },
    },
  },
} as const;
