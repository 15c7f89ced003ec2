/**
 * A deliberately small i18n: typed dictionaries and one reactive locale. vue-i18n would add
 * more to the tablet bundle than all of the tablet's own code (budget: 60 KB gzipped).
 */
import { ref, type Ref } from 'vue';

export type Locale = 'zh' | 'en';

const STORAGE_KEY = 'pingyi.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The current UI language, Chinese by default, remembered on this device. */
export const locale: Ref<Locale> = ref(initialLocale());

/** Switches the UI language and remembers the choice. */
export function setLocale(next: Locale): void {
  locale.value = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode or storage full: the choice just isn't remembered.
  }
}

/**
 * Builds `t(key, params)` over a Chinese dictionary and an English one with the same keys;
 * `{name}` placeholders are filled from params.
 */
export function createTranslator<const M extends Record<string, string>>(zh: M, en: { [K in keyof M]: string }) {
  return function t(key: keyof M & string, params: Record<string, string | number> = {}): string {
    const template = (locale.value === 'en' ? en[key] : zh[key]) ?? key;
    return template.replace(/\{(\w+)\}/g, (_match, name: string) => String(params[name] ?? `{${name}}`));
  };
}
