import { Arn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';

export interface RemindersProps {
  readonly schoolId: string;
  readonly bus: IEventBus;
}

/**
 * Planner reminders: handlers create one-off EventBridge Scheduler schedules in this group;
 * at the time, Scheduler assumes the role to put a ReminderDue event on the school's bus,
 * then deletes the schedule (ActionAfterCompletion DELETE).
 */
export class Reminders extends Construct {
  readonly scheduleGroup: ScheduleGroup;
  /** The role Scheduler assumes: it may only put events on this school's bus. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.scheduleGroup = new ScheduleGroup(this, 'ScheduleGroup', {
      scheduleGroupName: `lantern-${props.schoolId}-reminders`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'SchedulerRole', {
      description: `Lantern ${props.schoolId}: lets EventBridge Scheduler put reminder events on the school bus`,
      // Only schedules of this account, in this group, may use the role (confused deputy).
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': this.scheduleArn() },
        },
      }),
    });
    props.bus.grantPutEventsTo(this.role);
  }

  /** Lets a handler create schedules in the group and hand them the Scheduler role. */
  grantScheduling(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [this.scheduleArn()] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }

  /** Schedules are named per reminder at run time, so the grant names the group's schedules. */
  private scheduleArn(): string {
    return Arn.format({ service: 'scheduler', resource: 'schedule', resourceName: `${this.scheduleGroup.scheduleGroupName}/*` }, Stack.of(this));
  }
}
