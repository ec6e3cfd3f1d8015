// A program of the size the benchmarks are set for: 10 000 activities under 20 tasks × 25 main
// activities, each financed for 9 years from 2 sources — 180 000 amounts.

import type { ProgramDetail, ProgramNode } from '../../shared/domain';

export interface LargeProgramShape {
  tasks: number;
  mainActivitiesPerTask: number;
  activitiesPerMainActivity: number;
  firstYear: number;
  years: number;
}

export const TEN_THOUSAND_ACTIVITIES: LargeProgramShape = {
  tasks: 20,
  mainActivitiesPerTask: 25,
  activitiesPerMainActivity: 20,
  firstYear: 2022,
  years: 9,
};

export function largeProgramDetail(shape: LargeProgramShape = TEN_THOUSAND_ACTIVITIES): ProgramDetail {
  const organisations = [
    { id: 1, name: 'Администрация города Рязани', abbreviation: null, aliases: ['Администрация города Рязани, УЭиЦР, МКУ "ЦС"'] },
    { id: 2, name: 'Управление образования и молодежной политики администрации города Рязани', abbreviation: 'УОиМП', aliases: [] },
  ];
  const nodes: ProgramNode[] = [];
  const financing: ProgramDetail['financing'] = [];
  const node = (fields: Partial<ProgramNode> & Pick<ProgramNode, 'id' | 'parentId' | 'kind' | 'code' | 'title' | 'position'>): ProgramNode => ({
    periodStart: null,
    periodEnd: null,
    expectedResult: '',
    deadline: null,
    responsiblePerson: null,
    source: 'local',
    executors: [],
    ...fields,
  });
  let id = 0;
  for (let t = 1; t <= shape.tasks; t++) {
    const task = node({ id: ++id, parentId: null, kind: 'task', code: `${t}.`, title: `Задача ${t}. Развитие цифровых сервисов`, position: t - 1 });
    nodes.push(task);
    for (let m = 1; m <= shape.mainActivitiesPerTask; m++) {
      const main = node({ id: ++id, parentId: task.id, kind: 'mainActivity', code: `${t}.${m}`, title: `Основное мероприятие ${t}.${m}. Информатизация`, position: m - 1 });
      nodes.push(main);
      for (let a = 1; a <= shape.activitiesPerMainActivity; a++) {
        const organisationId = (a % 2) + 1;
        const activity = node({
          id: ++id,
          parentId: main.id,
          kind: 'activity',
          code: `${t}.${m}.${a}`,
          title: `Мероприятие ${t}.${m}.${a}. Обеспечение информационной безопасности, оснащение программным обеспечением`,
          position: a - 1,
          executors: [{ organisationId, label: null }],
        });
        nodes.push(activity);
        for (let y = 0; y < shape.years; y++) {
          const year = shape.firstYear + y;
          financing.push({ nodeId: activity.id, year, source: 'local', organisationId, kopecks: 100_000 * ((activity.id * 7 + y * 13) % 5000) + (activity.id % 100_000) });
          financing.push({ nodeId: activity.id, year, source: 'regional', organisationId, kopecks: 50_000 * ((activity.id + y) % 300) });
        }
      }
    }
  }
  const now = new Date(0).toISOString();
  return {
    program: {
      id: 1,
      title: 'Цифровизация городской среды (10 000 мероприятий)',
      level: 'municipal',
      status: 'active',
      periodStart: shape.firstYear,
      periodEnd: shape.firstYear + shape.years - 1,
      responsibleExecutorId: 1,
      coExecutorIds: [2],
      participantIds: [],
      goal: 'Цифровая трансформация города',
      tasks: '',
      expectedResults: '',
      legalBasis: '',
      sourceLabels: { local: 'бюджет города Рязани' },
      createdAt: now,
      updatedAt: now,
    },
    organisations,
    nodes,
    financing,
    quarterly: [],
    budget: [],
    statedTotals: [],
    indicators: [],
    amendments: [],
  };
}
