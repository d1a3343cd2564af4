import { ApiProperty } from '@nestjs/swagger';

class GraphStateResponse {
  @ApiProperty({ example: 'startupMeeting.held', description: 'The dotted path from the root' }) id!: string;
  @ApiProperty({ example: 'held' }) key!: string;
  @ApiProperty({ type: String, nullable: true, example: 'startupMeeting' }) parent!: string | null;
  @ApiProperty({ enum: ['atomic', 'compound', 'parallel', 'final', 'history'] }) type!: string;
  @ApiProperty({ type: String, nullable: true, description: 'For a compound state: the child it starts in' }) initial!:
    string | null;
}

class GraphTransitionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'received' }) source!: string;
  @ApiProperty({ example: 'initiated', description: 'Equal to `source` for a transition that stays where it is' })
  target!: string;
  @ApiProperty({ example: 'INITIATE' }) event!: string;
  @ApiProperty({ type: String, nullable: true, example: 'startupMeetingComplete' }) guard!: string | null;
}

/** The case machine as states and transitions, read from its definition. */
export class MachineGraphResponse {
  @ApiProperty({ example: 'contactSupport@1' }) version!: string;
  @ApiProperty({ example: 'contactSupport' }) machineId!: string;
  @ApiProperty({ example: 'received', description: 'The top-level state a new case starts in' }) initial!: string;
  @ApiProperty({ type: [GraphStateResponse] }) states!: GraphStateResponse[];
  @ApiProperty({ type: [GraphTransitionResponse] }) transitions!: GraphTransitionResponse[];
}

class StateCountResponse {
  @ApiProperty({ example: 'startupMeeting.held' }) state!: string;
  @ApiProperty({ example: 3 }) count!: number;
}

export class StateCountsResponse {
  @ApiProperty({ type: [StateCountResponse] }) items!: StateCountResponse[];
}

class PathStepResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'INITIATE' }) eventType!: string;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: [String], description: 'The client events the case could take right after this step' })
  allowedEvents!: string[];
}

class PendingDeadlineResponse {
  @ApiProperty({ example: 'midpoint' }) kind!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'MIDPOINT_REACHED',
    description: 'The event it sends, for a deadline that moves the case',
  })
  event!: string | null;
}

/** A case's path through the machine: ids, states, event types and times only, never personal data or payloads. */
export class CaseFlowResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'activeVisits' }) state!: string;
  @ApiProperty() version!: number;
  @ApiProperty() machineVersion!: string;
  @ApiProperty({ type: [PathStepResponse] }) path!: PathStepResponse[];
  @ApiProperty({
    description: 'False when the history could not be replayed: the path then names top-level states only',
  })
  pathHasSubStates!: boolean;
  @ApiProperty({ type: [PendingDeadlineResponse] }) pendingDeadlines!: PendingDeadlineResponse[];
  @ApiProperty({ type: [String] }) allowedEvents!: string[];
}
