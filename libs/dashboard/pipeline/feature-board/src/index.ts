export * from './lib/pipeline-board/pipeline-board';
