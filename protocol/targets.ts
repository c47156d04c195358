// The deployment targets as the client shows them (the target picker): the same table the server
// reads, a plain data module with no server code behind it.
export { TARGETS, type Target } from '../server/src/core/types';
export { TARGET_FACTS, type TargetFacts } from '../server/src/core/targets';
