import type { EventBridgeEvent } from 'aws-lambda';
import type { Logger } from '../../logging/logger';
import type { PipelineRequest, PipelineStep } from '../../lambda/pipeline';

export type BusEvent = EventBridgeEvent<string, unknown>;

/** What a consumer's steps learn about one event. */
export interface ConsumerState extends Record<string, unknown> {
  /** From the consumer-context step. */
  logger?: Logger;
  /** From the validate-detail step. */
  detail?: unknown;
  /** What the consumer did, for the outcome line. */
  outcome?: string;
}

export type ConsumerRequest = PipelineRequest<BusEvent, void, ConsumerState>;
export type ConsumerStep = PipelineStep<BusEvent, void, ConsumerState>;
