// The package's public API: applications outside this repository call askClaude too.
export { askClaude } from './claude';
export { draftReply } from './replies';
