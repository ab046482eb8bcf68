import { TestBed } from '@angular/core/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { CountChart } from './count-chart';

// ECharts itself does not run in jsdom (no canvas): the chart's options are checked through a stand-in.
const setOption = jest.fn();
const fakeEcharts = {
  init: () => ({ setOption, on: jest.fn(), off: jest.fn(), resize: jest.fn(), dispose: jest.fn(), isDisposed: () => false, showLoading: jest.fn(), hideLoading: jest.fn() }),
};

// jsdom has no ResizeObserver; the directive only needs one to exist.
class NoResizeObserver {
  observe = jest.fn();
  unobserve = jest.fn();
  disconnect = jest.fn();
}

describe('CountChart', () => {
  beforeAll(() => {
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;
  });

  async function render(kind: 'bar' | 'funnel') {
    TestBed.configureTestingModule({ imports: [CountChart], providers: [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: fakeEcharts } }] });
    const fixture = TestBed.createComponent(CountChart);
    fixture.componentRef.setInput('kind', kind);
    fixture.componentRef.setInput('caption', 'Projets actifs par étape');
    fixture.componentRef.setInput('labelHeader', 'Étape');
    fixture.componentRef.setInput('rows', [
      { label: 'Co-design', count: 12 },
      { label: 'Idéation', count: 5 },
    ]);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('gives the chart a text alternative and a table with every value and the total', async () => {
    const el = await render('funnel');
    expect(el.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Projets actifs par étape : Co-design 12, Idéation 5.');
    const table = el.querySelector('table') as HTMLTableElement;
    expect(table.caption?.textContent?.trim()).toBe('Projets actifs par étape');
    const rows = Array.from(table.querySelectorAll('tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['Étape', 'Projets'],
      ['Co-design', '12'],
      ['Idéation', '5'],
      ['Total', '17'],
    ]);
  });

  it('draws a funnel or labelled bars from the same rows', async () => {
    setOption.mockClear();
    await render('bar');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const options = setOption.mock.calls.at(-1)?.[0];
    expect(options.yAxis.data).toEqual(['Co-design', 'Idéation']);
    expect(options.series[0]).toMatchObject({ type: 'bar', data: [12, 5], label: { show: true } });
  });
});
