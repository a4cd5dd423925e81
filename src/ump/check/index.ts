// The conformance checker: what is wrong with a message, alone (checkUmp) or in its stream
// (UmpStreamChecker), with the word and bits where it is.
export * from './problem';
export { checkUmp, checkUmpWords, hasUmpProblems } from './checkMessage';
export { UmpStreamChecker, type StreamCheckerOptions } from './streamChecker';
export {
  MDS_HEADER_DATA_BYTES,
  payloadsReadingHeaderIncluded,
  payloadsReadingPayloadOnly,
} from './mixedDataSetReadings';
