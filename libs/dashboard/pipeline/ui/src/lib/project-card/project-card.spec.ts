import { Component, input } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { NextMilestone, Project, Stage } from '@sillon/contracts';
import { MoveMenu, MoveRequest } from '../move-menu/move-menu';
import { ProjectCard } from './project-card';

// A board in miniature: cards share one move menu.
@Component({
  imports: [ProjectCard, MoveMenu],
  template: `
    <sil-move-menu #moves="silMoveMenu" (move)="moved.push($event)" />
    <sil-project-card [project]="project()" [nextMilestone]="next()" [targets]="targets()" [moveMenu]="moves.panel()" />
  `,
})
class Board {
  readonly project = input.required<Project>();
  readonly next = input<NextMilestone | null | undefined>(undefined);
  readonly targets = input<readonly Stage[]>([]);
  readonly moved: MoveRequest[] = [];
}

const project: Project = {
  id: 'p1', labId: 'lab', labCode: 'LIL', code: 'LIL-2026-014', name: 'Cantine zéro déchet', summary: '', themes: [], stage: 'ideation',
  status: 'active', statusReason: null, health: 'amber', healthComment: null, leadId: 'l1', leadName: 'Léo Lille', departments: ['59'],
  communes: [], startDate: null, isPublic: false, stageEnteredAt: '2026-10-01T08:00:00Z', daysInStage: 12, version: 1,
  createdAt: '2026-01-01T08:00:00Z', updatedAt: '2026-10-01T08:00:00Z', archivedAt: null,
};

describe('ProjectCard', () => {
  let fixture: ComponentFixture<Board>;
  const el = () => fixture.nativeElement as HTMLElement;
  const squash = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  const facts = () => Object.fromEntries(Array.from(el().querySelectorAll('dl > div')).map((d) => [squash(d.children[0]), squash(d.children[1])]));

  async function render(inputs: { next?: NextMilestone | null; targets?: Stage[] } = {}) {
    TestBed.configureTestingModule({ imports: [Board], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(Board);
    fixture.componentRef.setInput('project', project);
    fixture.componentRef.setInput('next', inputs.next);
    fixture.componentRef.setInput('targets', inputs.targets ?? []);
    await fixture.whenStable();
  }

  it('shows the name as a link to the project, the code, lead, health in words and days in stage', async () => {
    await render({ next: { projectId: 'p1', milestoneId: 'm', title: 'Atelier usagers', kind: 'workshop', dueOn: '2026-11-27', late: true } });
    const link = el().querySelector('a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Cantine zéro déchet');
    expect(link.getAttribute('href')).toBe('/projets/p1');
    expect(el().textContent).toContain('LIL-2026-014');
    expect(facts()).toEqual({
      'Responsable :': 'Léo Lille',
      'Santé :': 'À surveiller',
      'Durée :': "12 jours dans l'étape",
      'Prochain jalon :': 'Atelier usagers, 27/11/2026 (en retard)',
    });
  });

  it('says when no milestone is planned, and offers no move without targets', async () => {
    await render({ next: null });
    expect(facts()['Prochain jalon :']).toBe('Aucun jalon prévu');
    expect(el().querySelector('button')).toBeNull();
  });

  it("offers each allowed stage from the board's menu and says which project and stage were chosen", async () => {
    await render({ targets: ['co_design', 'prototyping'] });
    const trigger = el().querySelector('button') as HTMLButtonElement;
    expect(trigger.getAttribute('aria-label')).toBe('Déplacer Cantine zéro déchet vers…');
    trigger.click();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]'));
    expect(items.map((i) => i.textContent?.trim())).toEqual(['Revenir en Co-design', 'Passer en Prototypage']);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    items[1].click();
    expect(fixture.componentInstance.moved).toEqual([{ project, stage: 'prototyping' }]);
  });

  it('opens the project in the app on a plain click, and leaves a modified click to the browser', async () => {
    await render({ next: null });
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const link = el().querySelector('a') as HTMLAnchorElement;
    const click = (init: MouseEventInit) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
      link.dispatchEvent(event);
      return event;
    };

    const plain = click({ button: 0 });
    expect(plain.defaultPrevented).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/projets/p1');

    navigate.mockClear();
    for (const modified of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) {
      expect(click(modified).defaultPrevented).toBe(false);
    }
    expect(navigate).not.toHaveBeenCalled();
  });
});
