// The window: navigation on the left, the top bar, messages, and the current screen.

import { useEffect } from 'react';
import { Messages } from './components/Messages';
import { Navigation } from './components/Navigation';
import { TopBar } from './components/TopBar';
import { useGlobalShortcuts } from './hooks/useGlobalShortcuts';
import { useMenuActions } from './hooks/useMenuActions';
import { AmendmentsScreen } from './screens/AmendmentsScreen';
import { ExportScreen } from './screens/ExportScreen';
import { FindingsScreen } from './screens/FindingsScreen';
import { ImportScreen } from './screens/ImportScreen';
import { IndicatorsScreen } from './screens/IndicatorsScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { PassportScreen } from './screens/PassportScreen';
import { ProgramsScreen } from './screens/ProgramsScreen';
import { RoadmapScreen } from './screens/RoadmapScreen';
import { StructureScreen } from './screens/StructureScreen';
import { useStore, type Screen } from './store';

function CurrentScreen({ screen, programOpen }: { screen: Screen; programOpen: boolean }) {
  if (screen === 'programs') return <ProgramsScreen />;
  if (screen === 'import') return <ImportScreen />;
  if (!programOpen) return <ProgramsScreen />;
  switch (screen) {
    case 'overview':
      return <OverviewScreen />;
    case 'passport':
      return <PassportScreen />;
    case 'structure':
      return <StructureScreen />;
    case 'roadmap':
      return <RoadmapScreen />;
    case 'indicators':
      return <IndicatorsScreen />;
    case 'findings':
      return <FindingsScreen />;
    case 'amendments':
      return <AmendmentsScreen />;
    case 'export':
      return <ExportScreen />;
  }
}

export function App() {
  const screen = useStore((s) => s.screen);
  const programOpen = useStore((s) => s.programId !== null);
  useGlobalShortcuts();
  useMenuActions();
  useEffect(() => {
    const store = useStore.getState();
    void store.loadPrograms();
    void store.refreshHistory();
  }, []);
  return (
    <div className="app">
      <Navigation />
      <div className="workspace">
        <TopBar />
        <Messages />
        <main className="screen" aria-live="off">
          <CurrentScreen screen={screen} programOpen={programOpen} />
        </main>
      </div>
    </div>
  );
}
