/** The user pool's Lambda triggers; the CDK stack attaches one function per entry. */
export const cognitoTriggers = [
  { id: 'sign-in-attempt', trigger: 'preAuthentication', entry: 'functions/cognito/pre-authentication.ts' },
  { id: 'sign-in-success', trigger: 'postAuthentication', entry: 'functions/cognito/post-authentication.ts' },
] as const;
