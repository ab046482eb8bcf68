import { BarChart, FunnelChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts of ECharts the Tableau de bord draws, so the chunk stays small.
echarts.use([BarChart, FunnelChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { echarts };
