import { PresetGallery } from './preset-gallery';
import { ScenarioComparison } from './scenario-comparison';
import { ScenarioFiles } from './scenario-files';
import { ScenarioLibrary } from './scenario-library';
import { SetAsideSaves } from './set-aside-saves';
import { ShareLinkCard } from './share-link-card';
import './scenarios.css';

/**
 * The scenario library: every saved scenario (open, rename, duplicate, delete), new ones from blank, the
 * default or a preset, files in and out, share links, two scenarios compared side by side, and the saved data
 * that could not be read, kept aside.
 */
export function ScenariosPanel() {
  return (
    <div className="scenarios">
      <ScenarioLibrary />
      <div className="grid-2 scenarios__io">
        <ScenarioFiles />
        <ShareLinkCard />
      </div>
      <PresetGallery />
      <ScenarioComparison />
      <SetAsideSaves />
    </div>
  );
}
