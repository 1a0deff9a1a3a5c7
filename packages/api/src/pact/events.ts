import {
  formatPactErrors,
  validatePact,
  type PactSchemaName,
  type PactSchemas,
  type PactVersion,
} from '@carbonbase/pact';
import type { ReceivedPactEvent } from './event-log.js';

type EventKind = ReceivedPactEvent['kind'];

/** The CloudEvent `type` values of each PACT version, and the schema each is checked against. */
export const PACT_EVENT_TYPES: Readonly<
  Record<PactVersion, Readonly<Record<string, { kind: EventKind; schema: PactSchemaName }>>>
> = {
  '2': {
    'org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1': {
      kind: 'RequestCreated',
      schema: 'RequestCreatedEvent',
    },
    'org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1': {
      kind: 'RequestFulfilled',
      schema: 'RequestFulfilledEvent',
    },
    'org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1': {
      kind: 'RequestRejected',
      schema: 'RequestRejectedEvent',
    },
    'org.wbcsd.pathfinder.ProductFootprint.Published.v1': {
      kind: 'Published',
      schema: 'PublishedEvent',
    },
  },
  '3': {
    'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3': {
      kind: 'RequestCreated',
      schema: 'RequestCreatedEvent',
    },
    'org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3': {
      kind: 'RequestFulfilled',
      schema: 'RequestFulfilledEvent',
    },
    'org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3': {
      kind: 'RequestRejected',
      schema: 'RequestRejectedEvent',
    },
    'org.wbcsd.pact.ProductFootprint.PublishedEvent.3': {
      kind: 'Published',
      schema: 'PublishedEvent',
    },
  },
};

export interface CheckedEvent {
  readonly kind: EventKind;
  readonly type: string;
  readonly id: string;
  readonly source: string;
  readonly time: string;
  readonly data: unknown;
}

export type EventCheck = { ok: true; event: CheckedEvent } | { ok: false; message: string };

/**
 * Validates a structured-mode CloudEvent: CloudEvents 1.0, a PACT event type of this version,
 * and the official schema of that type (so a PublishedEvent whose pfIds are URNs instead of
 * UUIDs is refused, as the spec's malformed-request cases require).
 */
export function checkEvent(body: unknown, version: PactVersion, schemas: PactSchemas): EventCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, message: 'the body must be a CloudEvent JSON object' };
  }
  const record = body as Record<string, unknown>;
  if (record.specversion !== '1.0') {
    return {
      ok: false,
      message: `specversion must be "1.0" (CloudEvents 1.0), got ${JSON.stringify(record.specversion)}`,
    };
  }
  const type = typeof record.type === 'string' ? record.type : '';
  const known = PACT_EVENT_TYPES[version][type];
  if (!known) {
    return {
      ok: false,
      message: `unknown event type ${JSON.stringify(record.type)}; PACT v${version} accepts ${Object.keys(PACT_EVENT_TYPES[version]).join(', ')}`,
    };
  }
  const result = validatePact(body, version, schemas, known.schema);
  if (!result.valid) return { ok: false, message: formatPactErrors(result.errors).join('; ') };
  return {
    ok: true,
    event: {
      kind: known.kind,
      type,
      id: String(record.id),
      source: String(record.source),
      time: String(record.time),
      data: record.data,
    },
  };
}
