import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/index.js';
import { formatBytes } from './format.js';

/** The server's limits for the files of one message (the same as for mail): checked here first, so a person is told before uploading. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_MESSAGE_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_FILES = 20;

/**
 * The files chosen for a message (picked or dropped), with what is wrong
 * with the last ones added. A file over the limits is not taken, and says
 * so; the server checks each file's type and content again.
 */
export class ChosenFiles {
  files: readonly File[] = [];
  error = '';
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  add(added: Iterable<File>, strings: Strings, locale: string): void {
    const files = [...this.files];
    let error = '';
    for (const file of added) {
      const total = files.reduce((sum, chosen) => sum + chosen.size, 0) + file.size;
      if (files.length >= MAX_FILES) error = strings.tooManyFiles(MAX_FILES);
      else if (file.size > MAX_FILE_BYTES) error = strings.fileTooLarge(file.name, shownLimit(MAX_FILE_BYTES, locale));
      else if (total > MAX_MESSAGE_FILE_BYTES) error = strings.filesTooLarge(shownLimit(MAX_MESSAGE_FILE_BYTES, locale));
      else files.push(file);
    }
    this.files = files;
    this.error = error;
    this.#host.requestUpdate();
  }

  remove(index: number): void {
    this.files = this.files.filter((_, i) => i !== index);
    this.error = '';
    this.#host.requestUpdate();
  }

  clear(): void {
    this.files = [];
    this.error = '';
    this.#host.requestUpdate();
  }
}

export interface FilePickerView {
  strings: Strings;
  locale: string;
  isolate: (text: string) => string;
}

/**
 * "Attach files": a file input (several at once) in a box that also takes
 * files dropped on it, and the chosen files with their sizes and a Remove
 * button each. `id` keeps the input's label unique in its form.
 */
export function renderFilePicker(chosen: ChosenFiles, view: FilePickerView, id = 'files'): TemplateResult {
  const { strings, locale, isolate } = view;
  const onPick = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    chosen.add(input.files ?? [], strings, locale);
    // Emptied, so picking the same file again after removing it is a change.
    input.value = '';
  };
  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    (event.currentTarget as HTMLElement).classList.add('dropping');
  };
  const onDragLeave = (event: DragEvent): void => (event.currentTarget as HTMLElement).classList.remove('dropping');
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.remove('dropping');
    chosen.add(event.dataTransfer?.files ?? [], strings, locale);
  };
  return html`<div part="file-picker" class="file-picker" @dragover=${onDragOver} @dragleave=${onDragLeave} @drop=${onDrop}>
    <input class="visually-hidden file-input" id=${id} type="file" multiple @change=${onPick} aria-describedby="${id}-hint" />
    <label part="button attach-button" class="attach" for=${id}>${paperclipIcon}${strings.attachFiles}</label>
    <span class="muted" id="${id}-hint">${strings.dropFilesHint(shownLimit(MAX_FILE_BYTES, locale))}</span>
    ${chosen.error ? html`<p part="field-error" class="field-error" role="alert">${chosen.error}</p>` : nothing}
    ${chosen.files.length > 0
      ? html`<ul part="chosen-files" class="chosen-files" aria-label=${strings.attachments}>
          ${chosen.files.map(
            (file, index) => html`<li>
              <span dir="auto">${isolate(file.name)}</span>
              <span class="muted">${formatBytes(file.size, locale)}</span>
              <button part="button remove-file" type="button" aria-label=${strings.removeFile(file.name)} @click=${() => chosen.remove(index)}>×</button>
            </li>`,
          )}
        </ul>`
      : nothing}
  </div>`;
}

/** A limit in whole megabytes (the server's are binary: 10 MiB reads "10 MB", not "10.5 MB"). */
function shownLimit(bytes: number, locale: string): string {
  return formatBytes(Math.floor(bytes / 1_000_000) * 1_000_000, locale);
}

const paperclipIcon = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="M10.5 4.5 5.6 9.4a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5 5a4.2 4.2 0 0 0 6 6l4.4-4.4" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;
