import { Arn, ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { ArnPrincipal, PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface RemindersProps {
  readonly schoolId: string;
  readonly bus: IEventBus;
  /**
   * Where Scheduler puts a ReminderDue it could not deliver after its retries. A standard
   * queue (Scheduler refuses FIFO); the school's event dead-letter queue, with its alarm.
   */
  readonly deadLetterQueue: IQueue;
}

/**
 * Planner reminders: handlers create one-off EventBridge Scheduler schedules in this group;
 * at the time, Scheduler assumes the role to put a ReminderDue event on the school's bus,
 * then deletes the schedule (ActionAfterCompletion DELETE). A reminder Scheduler cannot
 * deliver, after the retries the handlers set on each schedule (shared/adapters/scheduler),
 * goes to the dead-letter queue, never silently away.
 */
export class Reminders extends Construct {
  readonly scheduleGroup: ScheduleGroup;
  /** The role Scheduler assumes: it may only put events on this school's bus and dead-letter failures. */
  readonly role: Role;
  readonly deadLetterQueue: IQueue;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.scheduleGroup = new ScheduleGroup(this, 'ScheduleGroup', {
      scheduleGroupName: `lantern-${props.schoolId}-reminders`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deadLetterQueue = props.deadLetterQueue;
    this.role = new Role(this, 'SchedulerRole', {
      description: `Lantern ${props.schoolId}: lets EventBridge Scheduler put reminder events on the school bus`,
      // Only schedules of this account, in this group, may use the role (confused deputy).
      // Scheduler presents the schedule GROUP's ARN as aws:SourceArn, never a schedule's:
      // a condition on `schedule/<group>/*` would match nothing and every reminder would fail.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnEquals: { 'aws:SourceArn': this.scheduleGroupArn() },
        },
      }),
    });
    props.bus.grantPutEventsTo(this.role);

    // Scheduler delivers dead-letter events with the schedule's execution role.
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }));
    props.deadLetterQueue.encryptionMasterKey?.grant(this.role, 'kms:Decrypt', 'kms:GenerateDataKey');
    // Same account, so the role's policy suffices; the queue's policy says so too, explicitly.
    props.deadLetterQueue.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ReminderSchedulerDeadLetters',
        actions: ['sqs:SendMessage'],
        principals: [new ArnPrincipal(this.role.roleArn)],
        resources: [props.deadLetterQueue.queueArn],
      }),
    );
  }

  /** Lets a handler create schedules in the group and hand them the Scheduler role. */
  grantScheduling(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [this.scheduleArns()] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }

  /** `arn:…:scheduler:<region>:<account>:schedule-group/<group>`: what Scheduler presents as aws:SourceArn. */
  private scheduleGroupArn(): string {
    return Arn.format(
      { service: 'scheduler', resource: 'schedule-group', resourceName: this.scheduleGroup.scheduleGroupName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME },
      Stack.of(this),
    );
  }

  /** Schedules are named per reminder at run time, so the grant names the group's schedules. */
  private scheduleArns(): string {
    return Arn.format({ service: 'scheduler', resource: 'schedule', resourceName: `${this.scheduleGroup.scheduleGroupName}/*` }, Stack.of(this));
  }
}
