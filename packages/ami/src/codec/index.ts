export { AmiMessage, type AmiMessageKind } from './message.ts';
export { AmiParser, decodeFields, type AmiParserOptions, type AmiParserSink } from './parser.ts';
export {
  AMI_MAX_HEADERS,
  AMI_MAX_LINE_BYTES,
  actionPairs,
  encodeAction,
  encodeMessage,
  validatePairs,
  type AmiActionInput,
  type AmiValue,
} from './encoder.ts';
export { ActionIdGenerator } from './action-id.ts';
