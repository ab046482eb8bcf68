export * from './lib/pipeline-api';
export * from './lib/pipeline-store';
export * from './lib/board-filters';
export * from './lib/move-rules';
export * from './lib/testing-projects';
export * from './lib/proposals-api';
export * from './lib/proposal-notifications';
export * from './lib/proposals-store';
