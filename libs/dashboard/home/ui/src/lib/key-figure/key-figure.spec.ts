import { TestBed } from '@angular/core/testing';
import { KeyFigure } from './key-figure';

describe('KeyFigure', () => {
  it('shows what is counted, the value and its context', async () => {
    TestBed.configureTestingModule({ imports: [KeyFigure] });
    const fixture = TestBed.createComponent(KeyFigure);
    fixture.componentRef.setInput('label', 'Jalons en retard');
    fixture.componentRef.setInput('value', '3');
    fixture.componentRef.setInput('detail', 'Prévus, non réalisés');
    await fixture.whenStable();
    const texts = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('p')).map((p) => p.textContent?.trim());
    expect(texts).toEqual(['Jalons en retard', '3', 'Prévus, non réalisés']);
  });
});
