import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/index.js';
import type { PortalTab, PortalTabContext } from './portal-tabs.js';

export interface TabBarOptions {
  tabs: readonly PortalTab[];
  selected: PortalTab | undefined;
  context: PortalTabContext;
  strings: Strings;
  /** The person picked a tab: `focus` when by keyboard, so focus follows to the new tab. */
  select: (id: string, focus: boolean) => void;
  rtl: boolean;
}

/** The portal's tab list (with each tab's badge) and the selected tab's panel, keyboard-operable as the ARIA tabs pattern asks. */
export function renderTabBar({ tabs, selected, context, strings, select, rtl }: TabBarOptions): TemplateResult {
  const onKeydown = (event: KeyboardEvent): void => {
    const current = Math.max(
      0,
      tabs.findIndex((tab) => tab === selected),
    );
    const next = tabAfterKey(event.key, current, tabs.length, rtl);
    if (next === null) return;
    event.preventDefault();
    select(tabs[next]!.id, true);
  };
  return html`<div part="tabs" class="tabs" role="tablist" aria-label=${strings.tabsLabel} @keydown=${onKeydown}>
      ${tabs.map((tab) => renderTab(tab, tab === selected, context, strings, select))}
    </div>
    ${selected
      ? html`<div part="panel" class="panel" role="tabpanel" id="panel-${selected.id}" aria-labelledby="tab-${selected.id}" tabindex="0">
          ${selected.render(context)}
        </div>`
      : nothing}`;
}

function renderTab(tab: PortalTab, isSelected: boolean, context: PortalTabContext, strings: Strings, select: TabBarOptions['select']): TemplateResult {
  const badge = tab.badge?.(context) ?? 0;
  return html`<button
    part=${isSelected ? 'tab tab-selected' : 'tab'}
    class="tab"
    type="button"
    role="tab"
    id="tab-${tab.id}"
    data-tab=${tab.id}
    aria-selected=${isSelected ? 'true' : 'false'}
    aria-controls="panel-${tab.id}"
    tabindex=${isSelected ? '0' : '-1'}
    @click=${() => select(tab.id, false)}
  >
    ${tab.label(strings)}
    ${badge > 0
      ? html`<span part="tab-badge" class="badge tab-badge"
          ><span aria-hidden="true">${new Intl.NumberFormat(context.locale).format(badge)}</span
          ><span class="visually-hidden">${strings.unreadCount(badge)}</span></span
        >`
      : nothing}
  </button>`;
}

/**
 * The index of the tab a key moves to from `current` (arrows wrap around,
 * and swap in right-to-left languages; Home and End go to the ends), or
 * `null` for a key that moves nothing.
 */
function tabAfterKey(key: string, current: number, count: number, rtl: boolean): number | null {
  if (count === 0) return null;
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const forward = (key === 'ArrowRight') !== rtl;
    return (current + (forward ? 1 : -1) + count) % count;
  }
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
