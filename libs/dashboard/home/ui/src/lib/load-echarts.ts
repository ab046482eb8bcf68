// Loaded on first chart: ECharts stays out of the initial bundle and out of the page's own chunk.
export const loadEcharts = () => import('./echarts-setup').then((m) => m.echarts);
