// Shopify's `availableLocales`, verbatim and in Shopify's order (sorted by English name), from
// captures/harry-test-heelo…/2026-04/localization/localization-shop-locale-enable-validation.json.
// shopLocaleEnable accepts exactly these codes; anything else is "Locale is invalid".
export const AVAILABLE_LOCALES: readonly (readonly [isoCode: string, name: string])[] = [
  ["af", "Afrikaans"], ["ak", "Akan"], ["sq", "Albanian"], ["am", "Amharic"], ["ar", "Arabic"], ["hy", "Armenian"],
  ["as", "Assamese"], ["az", "Azerbaijani"], ["bm", "Bambara"], ["bn", "Bangla"], ["eu", "Basque"], ["be", "Belarusian"],
  ["bs", "Bosnian"], ["br", "Breton"], ["bg", "Bulgarian"], ["my", "Burmese"], ["ca", "Catalan"],
  ["ckb", "Central Kurdish"], ["ce", "Chechen"], ["zh-CN", "Chinese (Simplified)"], ["zh-TW", "Chinese (Traditional)"],
  ["kw", "Cornish"], ["hr", "Croatian"], ["cs", "Czech"], ["da", "Danish"], ["nl", "Dutch"], ["dz", "Dzongkha"],
  ["en", "English"], ["eo", "Esperanto"], ["et", "Estonian"], ["ee", "Ewe"], ["fo", "Faroese"], ["fil", "Filipino"],
  ["fi", "Finnish"], ["fr", "French"], ["ff", "Fulah"], ["gl", "Galician"], ["lg", "Ganda"], ["ka", "Georgian"],
  ["de", "German"], ["el", "Greek"], ["gu", "Gujarati"], ["ha", "Hausa"], ["he", "Hebrew"], ["hi", "Hindi"],
  ["hu", "Hungarian"], ["is", "Icelandic"], ["ig", "Igbo"], ["id", "Indonesian"], ["ia", "Interlingua"], ["ga", "Irish"],
  ["it", "Italian"], ["ja", "Japanese"], ["jv", "Javanese"], ["kl", "Kalaallisut"], ["kn", "Kannada"],
  ["ks", "Kashmiri"], ["kk", "Kazakh"], ["km", "Khmer"], ["ki", "Kikuyu"], ["rw", "Kinyarwanda"], ["ko", "Korean"],
  ["ku", "Kurdish"], ["ky", "Kyrgyz"], ["lo", "Lao"], ["lv", "Latvian"], ["ln", "Lingala"], ["lt", "Lithuanian"],
  ["lu", "Luba-Katanga"], ["lb", "Luxembourgish"], ["mk", "Macedonian"], ["mg", "Malagasy"], ["ms", "Malay"],
  ["ml", "Malayalam"], ["mt", "Maltese"], ["gv", "Manx"], ["mr", "Marathi"], ["mn", "Mongolian"], ["mi", "Māori"],
  ["ne", "Nepali"], ["nd", "North Ndebele"], ["se", "Northern Sami"], ["no", "Norwegian"], ["nb", "Norwegian (Bokmål)"],
  ["nn", "Norwegian Nynorsk"], ["or", "Odia"], ["om", "Oromo"], ["os", "Ossetic"], ["ps", "Pashto"], ["fa", "Persian"],
  ["pl", "Polish"], ["pt-BR", "Portuguese (Brazil)"], ["pt-PT", "Portuguese (Portugal)"], ["pa", "Punjabi"],
  ["qu", "Quechua"], ["ro", "Romanian"], ["rm", "Romansh"], ["rn", "Rundi"], ["ru", "Russian"], ["sg", "Sango"],
  ["sa", "Sanskrit"], ["sc", "Sardinian"], ["gd", "Scottish Gaelic"], ["sr", "Serbian"], ["sn", "Shona"],
  ["ii", "Sichuan Yi"], ["sd", "Sindhi"], ["si", "Sinhala"], ["sk", "Slovak"], ["sl", "Slovenian"], ["so", "Somali"],
  ["es", "Spanish"], ["su", "Sundanese"], ["sw", "Swahili"], ["sv", "Swedish"], ["tg", "Tajik"], ["ta", "Tamil"],
  ["tt", "Tatar"], ["te", "Telugu"], ["th", "Thai"], ["bo", "Tibetan"], ["ti", "Tigrinya"], ["to", "Tongan"],
  ["tr", "Turkish"], ["tk", "Turkmen"], ["uk", "Ukrainian"], ["ur", "Urdu"], ["ug", "Uyghur"], ["uz", "Uzbek"],
  ["vi", "Vietnamese"], ["cy", "Welsh"], ["fy", "Western Frisian"], ["wo", "Wolof"], ["xh", "Xhosa"], ["yi", "Yiddish"],
  ["yo", "Yoruba"], ["zu", "Zulu"],
];

const NAMES = new Map(AVAILABLE_LOCALES.map(([code, name]) => [code, name]));

export function localeName(code: string): string | undefined {
  return NAMES.get(code);
}
