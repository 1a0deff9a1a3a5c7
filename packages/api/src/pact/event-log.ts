import type { PactVersion } from '@carbonbase/pact';

/** A CloudEvent the PACT API accepted, with who sent it and when it arrived. */
export interface ReceivedPactEvent {
  readonly version: PactVersion;
  readonly kind: 'RequestCreated' | 'RequestFulfilled' | 'RequestRejected' | 'Published';
  readonly type: string;
  readonly id: string;
  readonly source: string;
  readonly time: string;
  readonly clientId: string;
  readonly receivedAt: string;
  readonly data: unknown;
}

/**
 * Where accepted events go. A RequestCreated event is a promise to answer later with a
 * RequestFulfilled or RequestRejected event; whoever processes the log keeps that promise.
 */
export interface PactEventLog {
  record(event: ReceivedPactEvent): Promise<void>;
}

export class InMemoryPactEventLog implements PactEventLog {
  readonly events: ReceivedPactEvent[] = [];

  record(event: ReceivedPactEvent): Promise<void> {
    this.events.push(event);
    return Promise.resolve();
  }
}
