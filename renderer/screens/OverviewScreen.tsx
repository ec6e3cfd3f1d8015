// The program at a glance: money by year and by source, how the indicators stand, what the
// core found wrong, and the roadmap deadlines coming up.

import { SOURCE_LABELS } from '../../shared/domain';
import { amountText, dateText, nodeLabel, todayIso } from '../format';
import { indicatorStanding } from '../overview/indicatorStatus';
import { SourceShare } from '../overview/SourceShare';
import { YearChart } from '../overview/YearChart';
import { useStore } from '../store';

const FIRST_FINDINGS = 5;
const NEXT_DEADLINES = 8;

function Financing() {
  const totals = useStore((s) => s.totals);
  const labels = useStore((s) => s.detail?.program.sourceLabels) ?? {};
  if (!totals) return <p className="muted">Загрузка…</p>;
  const sources = totals.program.bySource.filter((s) => s.total !== 0 || s.amounts.some((a) => a !== 0));
  return (
    <section className="card" aria-labelledby="financing-title">
      <h3 id="financing-title">Финансирование, тыс. руб.</h3>
      <p className="total-line">
        Всего за {totals.years.length > 1 ? `${totals.years[0]}–${totals.years.at(-1)} годы` : `${totals.years[0]} год`}:{' '}
        <strong>{amountText(totals.program.total)}</strong> тыс. руб.
      </p>
      <div className="chart-scroll">
        <YearChart years={totals.years} amounts={totals.program.amounts} title="Объём финансирования по годам, тыс. руб." />
      </div>
      <h4>По источникам</h4>
      {sources.length === 0 ? (
        <p className="muted">Сумм пока нет.</p>
      ) : (
        <>
          <SourceShare parts={sources.map((s) => ({ label: labels[s.source] || SOURCE_LABELS[s.source], total: s.total }))} />
          <div className="table-scroll">
            <table className="table compact" aria-label="Финансирование по источникам, тыс. руб.">
              <thead>
                <tr>
                  <th scope="col">Источник</th>
                  {totals.years.map((year) => (
                    <th key={year} scope="col" className="amount">
                      {year}
                    </th>
                  ))}
                  <th scope="col" className="amount">
                    Всего
                  </th>
                </tr>
              </thead>
              <tbody>
                {sources.map((line, i) => (
                  <tr key={line.source}>
                    <th scope="row" className="text-cell">
                      <span className={`swatch share-${i % 5}`} aria-hidden="true" />
                      {labels[line.source] || SOURCE_LABELS[line.source]}
                    </th>
                    {line.amounts.map((amount, j) => (
                      <td key={totals.years[j]} className="amount">
                        {amountText(amount)}
                      </td>
                    ))}
                    <td className="amount strong">{amountText(line.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Indicators() {
  const indicators = useStore((s) => s.detail?.indicators) ?? [];
  const setScreen = useStore((s) => s.setScreen);
  const { year, counts } = indicatorStanding(indicators);
  return (
    <section className="card" aria-labelledby="indicators-title">
      <h3 id="indicators-title">Целевые показатели</h3>
      {indicators.length === 0 ? (
        <p className="muted">Показателей пока нет.</p>
      ) : year === null ? (
        <p className="muted">Показателей: {indicators.length}. Фактических значений пока нет — оценка появится, когда будут внесены факты.</p>
      ) : (
        <>
          <p>По фактам {year} года:</p>
          <dl className="standing">
            <div className="standing-achieved">
              <dt>Достигнуты</dt>
              <dd>{counts.achieved}</dd>
            </div>
            <div className="standing-risk">
              <dt>Под угрозой</dt>
              <dd>{counts.atRisk}</dd>
            </div>
            <div className="standing-missed">
              <dt>Не достигнуты</dt>
              <dd>{counts.missed}</dd>
            </div>
            <div>
              <dt>Нет данных</dt>
              <dd>{counts.unknown}</dd>
            </div>
          </dl>
        </>
      )}
      <button type="button" className="button link" onClick={() => setScreen('indicators')}>
        К показателям
      </button>
    </section>
  );
}

function Findings() {
  const findings = useStore((s) => s.findings);
  const focusFinding = useStore((s) => s.focusFinding);
  const setScreen = useStore((s) => s.setScreen);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const ordered = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className="card" aria-labelledby="findings-title">
      <h3 id="findings-title">Замечания</h3>
      {findings.length === 0 ? (
        <p className="muted">Замечаний нет.</p>
      ) : (
        <>
          <p>
            Всего: {findings.length} (ошибок: {errors}, предупреждений: {findings.length - errors})
          </p>
          <ul className="plain-list">
            {ordered.slice(0, FIRST_FINDINGS).map((finding, i) => (
              <li key={`${finding.code}|${finding.where}|${i}`}>
                <button type="button" className="button link left" onClick={() => focusFinding(finding)}>
                  <span className={`severity severity-${finding.severity}`}>{finding.severity === 'error' ? 'Ошибка' : 'Предупреждение'}</span>{' '}
                  {finding.where}: {finding.message}
                </button>
              </li>
            ))}
          </ul>
          {findings.length > FIRST_FINDINGS && (
            <button type="button" className="button link" onClick={() => setScreen('findings')}>
              Все замечания ({findings.length})
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Deadlines() {
  const nodes = useStore((s) => s.detail?.nodes) ?? [];
  const setFocus = useStore((s) => s.setFocus);
  const setScreen = useStore((s) => s.setScreen);
  const setRoadmapYear = useStore((s) => s.setRoadmapYear);
  const today = todayIso();
  const steps = nodes
    .filter((n) => n.kind === 'step' && n.deadline !== null && n.deadline >= today)
    .sort((a, b) => a.deadline!.localeCompare(b.deadline!))
    .slice(0, NEXT_DEADLINES);
  return (
    <section className="card" aria-labelledby="deadlines-title">
      <h3 id="deadlines-title">Ближайшие сроки дорожной карты</h3>
      {steps.length === 0 ? (
        <p className="muted">Предстоящих сроков стандартных процедур нет.</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Срок</th>
              <th scope="col">Процедура</th>
              <th scope="col">Ответственный</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.id}>
                <td className="nowrap">{dateText(step.deadline!)}</td>
                <td className="text-cell">
                  <button
                    type="button"
                    className="button link left"
                    onClick={() => {
                      setRoadmapYear(Number(step.deadline!.slice(0, 4)));
                      setFocus({ nodeId: step.id });
                      setScreen('roadmap');
                    }}
                  >
                    {nodeLabel(step)}
                  </button>
                </td>
                <td>{step.responsiblePerson ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OverviewScreen() {
  const loaded = useStore((s) => s.detail !== null);
  if (!loaded) return <p className="muted">Загрузка программы…</p>;
  return (
    <div className="screen-body overview">
      <h2 className="visually-hidden">Обзор программы</h2>
      <Financing />
      <div className="overview-columns">
        <Indicators />
        <Findings />
      </div>
      <Deadlines />
    </div>
  );
}
