import { signInTrigger } from '../../shared/triggers/sign-in-trigger';

export const handler = signInTrigger('attempt');
