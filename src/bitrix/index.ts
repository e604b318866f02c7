// The boundary's public face. SDK runtime stays inside sdk-boundary.ts and frame.ts.
export type {
  BatchCommand,
  BatchCommands,
  BatchEntry,
  BatchOptions,
  BatchReference,
  BatchResults,
  BitrixBoundary,
  CallResult,
  CommandTime,
  FrameSession,
  PickedUser,
  WithReferences,
} from './boundary';
export { command, resultReference } from './boundary';
export { BitrixError, isBitrixError, toBitrixError, type BitrixErrorKind, type ErrorMessageKey } from './errors';
export { BitrixProvider, useBitrix } from './BitrixProvider';
export type * from './rest-types';
