export * from './lib/pipeline-api';
export * from './lib/pipeline-store';
export * from './lib/board-filters';
export * from './lib/move-rules';
export * from './lib/testing-projects';
