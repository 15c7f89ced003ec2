/**
 * A form's editable copy of what is stored. The setup reloads often and for reasons of its own
 * (after every change here, and again on the core's `changed` event, which can arrive a moment
 * later), and each reload is a new object even when nothing changed. Copying on every reload
 * would throw away what the chair is typing: a K of 8 typed just before a late reload was saved
 * as the old 10. So the copy is refreshed only when the stored value itself differs from the
 * one last copied (after a save, on another meeting, on a change from another console).
 */
import { ref, watch, type Ref } from 'vue';

export function storedForm<S, F>(stored: () => S, copy: (s: S) => F): Ref<F> {
  const form = ref(copy(stored())) as Ref<F>;
  let last = JSON.stringify(stored());
  watch(stored, (s) => {
    const now = JSON.stringify(s);
    if (now === last) return;
    last = now;
    form.value = copy(s);
  });
  return form;
}
