import type { FastifyInstance } from 'fastify';
import { getEnterprise, listEnterprises, visibleOrganisation } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { idParams, searchText, TAGS, uuid, withErrors } from './schemas.js';

interface ListQuery {
  parkId?: string;
  regionId?: string;
  industry?: string;
  q?: string;
  limit: number;
  offset: number;
}

const security = [{ bearerAuth: [] }];

/** The organisation tree and the enterprises the caller may see. */
export function enterpriseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = TAGS.organisation;

  app.get(
    '/api/v1/organisation',
    {
      schema: {
        tags,
        summary: '可见的地区与园区 the regions and parks visible to the caller',
        security,
        response: withErrors({
          200: {
            type: 'object',
            required: ['regions', 'parks'],
            properties: {
              regions: { type: 'array', items: { $ref: 'Region#' } },
              parks: { type: 'array', items: { $ref: 'Park#' } },
            },
          },
        }),
      },
    },
    async (request) => visibleOrganisation(ctx.store, actorOf(ctx, request)),
  );

  app.get<{ Querystring: ListQuery }>(
    '/api/v1/enterprises',
    {
      schema: {
        tags,
        summary: "企业列表（按角色范围） the enterprises in the caller's scope, filtered and paged",
        security,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            parkId: uuid,
            regionId: uuid,
            industry: searchText,
            q: { ...searchText, description: '名称或代码的一部分 part of the name or code' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: withErrors({
          200: {
            type: 'object',
            required: ['items', 'total', 'limit', 'offset'],
            properties: {
              items: { type: 'array', items: { $ref: 'Enterprise#' } },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
            },
          },
        }),
      },
    },
    async (request) => {
      const { parkId, regionId, industry, q, limit, offset } = request.query;
      const page = await listEnterprises(ctx.store, actorOf(ctx, request), {
        ...(parkId !== undefined && { parkId }),
        ...(regionId !== undefined && { regionId }),
        ...(industry !== undefined && { industry }),
        ...(q !== undefined && { search: q }),
        limit,
        offset,
      });
      return { ...page, limit, offset };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/enterprises/:id',
    {
      schema: {
        tags,
        summary:
          '企业详情：地区、园区、设施、排放源 one enterprise with its region, park, facilities and sources',
        security,
        params: idParams,
        response: withErrors({
          200: {
            type: 'object',
            required: ['enterprise', 'facilities', 'sources'],
            properties: {
              enterprise: { $ref: 'Enterprise#' },
              region: { $ref: 'Region#' },
              park: { $ref: 'Park#' },
              facilities: { type: 'array', items: { $ref: 'Facility#' } },
              sources: { type: 'array', items: { $ref: 'EmissionSource#' } },
            },
          },
        }),
      },
    },
    async (request) => getEnterprise(ctx.store, actorOf(ctx, request), request.params.id),
  );
}
