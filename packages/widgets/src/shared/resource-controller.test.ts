import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ResourceController } from './resource-controller.js';

interface Call {
  key: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

/** A host whose `name` is the key; every fetch waits until the test answers it. */
class ResourceHost extends LitElement {
  static override properties = { name: { type: String } };
  declare name: string | null;
  calls: Call[] = [];
  errors: unknown[] = [];
  values: string[] = [];
  keepValue = false;
  readonly resource = new ResourceController<string>(this, {
    key: () => (this.name ? [this.name] : null),
    load: (signal) =>
      new Promise<string>((resolve, reject) => {
        this.calls.push({ key: this.name!, signal, resolve, reject });
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
    keep: () => this.keepValue,
    onValue: (value) => this.values.push(value),
    onError: (error) => this.errors.push(error),
  });

  constructor() {
    super();
    this.name = null;
  }

  protected override render(): unknown {
    const { state } = this.resource;
    return state.kind === 'ready' ? state.value : state.kind;
  }
}
customElements.define('test-resource-host', ResourceHost);

const settle = (host: ResourceHost): Promise<boolean> => new Promise((resolve) => setTimeout(resolve, 0)).then(() => host.updateComplete);

describe('ResourceController', () => {
  it('fetches nothing without a key, then once per key, and renders loading, then the value', async () => {
    const host = await fixture<ResourceHost>(html`<test-resource-host></test-resource-host>`);
    expect(host.calls).to.have.length(0);
    host.name = 'a';
    await host.updateComplete;
    expect(host.calls.map((call) => call.key)).to.deep.equal(['a']);
    expect(host.shadowRoot!.textContent).to.equal('loading');
    host.requestUpdate();
    await host.updateComplete;
    expect(host.calls, 'the same key fetches nothing more').to.have.length(1);
    host.calls[0]!.resolve('A');
    await settle(host);
    expect(host.shadowRoot!.textContent).to.equal('A');
    expect(host.resource.value).to.equal('A');
    expect(host.values).to.deep.equal(['A']);
  });

  it('aborts the previous fetch when the key changes, and drops its answer', async () => {
    const host = await fixture<ResourceHost>(html`<test-resource-host name="a"></test-resource-host>`);
    const first = host.calls[0]!;
    host.name = 'b';
    await host.updateComplete;
    expect(first.signal.aborted).to.equal(true);
    first.resolve('stale');
    host.calls[1]!.resolve('B');
    await settle(host);
    expect(host.shadowRoot!.textContent).to.equal('B');
    expect(host.errors, 'an abort is no error').to.have.length(0);
  });

  it('shows a failure as the error state, and reload() fetches again', async () => {
    const host = await fixture<ResourceHost>(html`<test-resource-host name="a"></test-resource-host>`);
    const failure = new Error('down');
    host.calls[0]!.reject(failure);
    await settle(host);
    expect(host.resource.state).to.deep.equal({ kind: 'error', error: failure });
    expect(host.errors).to.deep.equal([failure]);
    const reloaded = host.resource.reload();
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('loading');
    host.calls[1]!.resolve('A');
    await reloaded;
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('A');
  });

  it('keeps the value on screen through a quiet reload, and as `keep` says', async () => {
    const host = await fixture<ResourceHost>(html`<test-resource-host name="a"></test-resource-host>`);
    host.calls[0]!.resolve('A');
    await settle(host);
    void host.resource.reload({ quiet: true });
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('A');
    host.calls[1]!.reject(new Error('down'));
    await settle(host);
    expect(host.resource.state.kind).to.equal('error');
    expect(host.resource.value, 'the last value stays readable').to.equal('A');

    host.keepValue = true;
    host.resource.set('A2');
    host.name = 'b';
    await host.updateComplete;
    expect(host.shadowRoot!.textContent, 'kept while b loads').to.equal('A2');
  });

  it('aborts on disconnect and fetches again when reconnected', async () => {
    const host = await fixture<ResourceHost>(html`<test-resource-host name="a"></test-resource-host>`);
    const parent = host.parentElement!;
    host.remove();
    expect(host.calls[0]!.signal.aborted).to.equal(true);
    parent.append(host);
    await host.updateComplete;
    expect(host.calls).to.have.length(2);
  });

  it('clearing the key aborts and goes back to loading', async () => {
    const host = await fixture<ResourceHost>(html`<test-resource-host name="a"></test-resource-host>`);
    host.calls[0]!.resolve('A');
    await settle(host);
    host.name = null;
    await host.updateComplete;
    expect(host.resource.state.kind).to.equal('loading');
    expect(host.resource.value).to.equal(null);
    expect(host.resource.active).to.equal(false);
    await host.resource.reload();
    expect(host.calls, 'nothing to fetch without a key').to.have.length(1);
  });

  it('fetch() is quiet, overtakes a fetch in flight and rejects on failure without touching the state', async () => {
    const host = await fixture<ResourceHost>(html`<test-resource-host name="a"></test-resource-host>`);
    const first = host.calls[0]!;
    const polled = host.resource.fetch();
    expect(first.signal.aborted).to.equal(true);
    host.calls[1]!.resolve('A');
    expect(await polled).to.equal('A');
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('A');
    const failing = host.resource.fetch();
    host.calls[2]!.reject(new Error('down'));
    let rejected = false;
    await failing.catch(() => (rejected = true));
    expect(rejected).to.equal(true);
    expect(host.resource.state.kind).to.equal('ready');
  });
});
