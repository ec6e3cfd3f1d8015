// The left column: the workspace's screens, then the open program's.

import type { Screen } from '../store';
import { useStore } from '../store';

const PROGRAM_SCREENS: { screen: Screen; label: string }[] = [
  { screen: 'overview', label: 'Обзор' },
  { screen: 'passport', label: 'Паспорт' },
  { screen: 'structure', label: 'Структура и финансирование' },
  { screen: 'roadmap', label: 'Дорожная карта' },
  { screen: 'indicators', label: 'Целевые показатели' },
  { screen: 'findings', label: 'Замечания' },
  { screen: 'amendments', label: 'Изменения и редакции' },
  { screen: 'export', label: 'Отчётные формы' },
];

function NavButton({ screen, label, badge }: { screen: Screen; label: string; badge?: number }) {
  const current = useStore((s) => s.screen);
  const setScreen = useStore((s) => s.setScreen);
  return (
    <li>
      <button type="button" className="nav-item" aria-current={current === screen ? 'page' : undefined} onClick={() => setScreen(screen)}>
        <span>{label}</span>
        {badge ? (
          <span className="badge" aria-label={`${badge} замечаний`}>
            {badge}
          </span>
        ) : null}
      </button>
    </li>
  );
}

export function Navigation() {
  const programId = useStore((s) => s.programId);
  const title = useStore((s) => s.detail?.program.title ?? s.programs.find((p) => p.id === s.programId)?.title ?? '');
  const findingCount = useStore((s) => s.findings.length);
  return (
    <nav className="navigation" aria-label="Разделы">
      <div className="brand">Munplan</div>
      <ul>
        <NavButton screen="programs" label="Программы" />
        <NavButton screen="import" label="Импорт шаблона" />
      </ul>
      {programId !== null && (
        <>
          <div className="nav-program" title={title}>
            {title || 'Программа'}
          </div>
          <ul aria-label="Разделы программы">
            {PROGRAM_SCREENS.map((item) => (
              <NavButton key={item.screen} {...item} badge={item.screen === 'findings' ? findingCount : undefined} />
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
