export * from './lib/count-chart/count-chart';
export * from './lib/key-figure/key-figure';
export * from './lib/load-echarts';
