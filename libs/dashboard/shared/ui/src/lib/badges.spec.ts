import { TestBed } from '@angular/core/testing';
import { HealthBadge } from './health-badge/health-badge';
import { StageBadge } from './stage-badge/stage-badge';

describe('badges', () => {
  it('names the stage and its rank, and a non-active status', async () => {
    const fixture = TestBed.createComponent(StageBadge);
    fixture.componentRef.setInput('stage', 'prototyping');
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('.label').textContent).toBe('Prototypage');
    expect(fixture.nativeElement.querySelector('.rank').textContent).toBe('3/5');
    expect(fixture.nativeElement.textContent).not.toContain('(');

    fixture.componentRef.setInput('status', 'on_hold');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('(En pause)');
  });

  it('says the health in words beside a shape', async () => {
    const fixture = TestBed.createComponent(HealthBadge);
    fixture.componentRef.setInput('health', 'amber');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent.trim()).toBe('À surveiller');
    expect(fixture.nativeElement.querySelector('svg path')).not.toBeNull();

    fixture.componentRef.setInput('health', 'red');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent.trim()).toBe('En difficulté');
    expect(fixture.nativeElement.querySelector('svg rect')).not.toBeNull();
  });
});
