import { Aspects, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SchoolStack, type SchoolStackProps } from './school-stack';
import type { TrustConfig } from './trust-config';

export type SchoolStackOverrides = Omit<SchoolStackProps, 'trust' | 'school'>;

/**
 * Adds one stack per school in the trust config and the cdk-nag AwsSolutions checks, so
 * that `cdk synth` reports (and fails on) any unsuppressed finding. Tests build the app the
 * same way.
 */
export function addTrust(app: App, trust: TrustConfig, overrides: SchoolStackOverrides): SchoolStack[] {
  const stacks = trust.schools.map((school) => new SchoolStack(app, { ...overrides, trust, school }));
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  return stacks;
}
