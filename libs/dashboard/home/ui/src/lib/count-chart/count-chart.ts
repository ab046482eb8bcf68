import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';

export interface CountRow {
  label: string;
  count: number;
}

// Palette of the Material theme's primary tones: readable on white, and never the only carrier of meaning
// (every bar is labelled with its value, and the table below says it all in text).
const BAR_COLOUR = '#005cbb';
const FUNNEL_COLOURS = ['#001b3f', '#002f65', '#00458f', '#005cbb', '#0074e9'];

// A chart of counts with its table alternative, which is always shown: the chart is a picture of the table.
@Component({
  selector: 'sil-count-chart',
  imports: [NgxEchartsDirective],
  templateUrl: './count-chart.html',
  styleUrl: './count-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountChart {
  readonly rows = input.required<CountRow[]>();
  readonly kind = input<'bar' | 'funnel'>('bar');
  // Caption of the table, also the accessible name of the chart.
  readonly caption = input.required<string>();
  readonly labelHeader = input('Catégorie');
  readonly countHeader = input('Projets');

  protected readonly total = computed(() => this.rows().reduce((n, r) => n + r.count, 0));
  protected readonly description = computed(
    () => `${this.caption()} : ${this.rows().map((r) => `${r.label} ${r.count}`).join(', ')}.`,
  );
  protected readonly height = computed(() => (this.kind() === 'funnel' ? 260 : Math.max(160, this.rows().length * 32 + 40)));
  protected readonly options = computed<EChartsCoreOption>(() => {
    const rows = this.rows();
    const common = { animation: false, aria: { enabled: false }, tooltip: { trigger: 'item' } };
    if (this.kind() === 'funnel') {
      return {
        ...common,
        series: [
          {
            type: 'funnel',
            sort: 'none',
            minSize: '20%',
            left: 8,
            right: 8,
            top: 8,
            bottom: 8,
            label: { show: true, position: 'inside', color: '#ffffff', formatter: '{b} : {c}' },
            data: rows.map((r, i) => ({ name: r.label, value: r.count, itemStyle: { color: FUNNEL_COLOURS[i % FUNNEL_COLOURS.length] } })),
          },
        ],
      };
    }
    return {
      ...common,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { color: '#1a1c1e' } },
      series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: BAR_COLOUR }, label: { show: true, position: 'right', color: '#1a1c1e' } }],
    };
  });
}
