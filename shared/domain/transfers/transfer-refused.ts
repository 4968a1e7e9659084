import { UnprocessableError } from '../../errors/lantern-error';

/**
 * Why a received bundle (or a file carried with it) was refused. Nothing of a refused
 * bundle is kept or imported.
 */
export type TransferRefusal =
  | 'undecryptable'
  | 'unsigned'
  | 'unknown_sender_key'
  | 'bad_signature'
  | 'not_a_bundle'
  | 'sender_mismatch'
  | 'wrong_recipient'
  | 'replayed'
  | 'file_mismatch';

const messages: Readonly<Record<TransferRefusal, string>> = {
  undecryptable: 'the bundle does not decrypt with this school’s key: it was changed on the way or sent to another school',
  unsigned: 'the bundle is not signed as a transfer bundle',
  unknown_sender_key: 'the bundle is signed by a key this school does not trust',
  bad_signature: 'the bundle’s signature does not match its content: it was changed after it was signed',
  not_a_bundle: 'the content is not a valid transfer bundle',
  sender_mismatch: 'the bundle names a sending school other than the owner of the key that signed it',
  wrong_recipient: 'the bundle is addressed to another school',
  replayed: 'this bundle was received before',
  file_mismatch: 'a file does not match the size and SHA-256 the signed bundle gives for it',
};

export class TransferRefusedError extends UnprocessableError {
  constructor(
    readonly refusal: TransferRefusal,
    detail?: string,
    options?: ErrorOptions,
  ) {
    super(detail ? `${messages[refusal]} (${detail})` : messages[refusal], undefined, options);
  }
}
