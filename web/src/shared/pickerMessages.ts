// Messages of the shared searchable pick lists (Combobox, CountrySelect) in the six UN languages.
import { defineMessages } from '../i18n/defineMessages.ts';

export const pickerMessages = defineMessages({
  en: {
    'picker.hint': 'Type to search, then choose with the arrow keys and Enter.',
    'picker.noMatch': 'No match for “{query}”.',
    'picker.matches': '{count} matches; use the arrow keys to choose.',
    'picker.remove': 'Remove {name}',
    'picker.chosen': '{field}: chosen',
    'picker.noneChosen': 'None chosen yet.',
    'picker.add': 'Add: {field}',
  },
  ar: {
    'picker.hint': 'اكتب للبحث، ثم اختر باستخدام مفاتيح الأسهم ومفتاح الإدخال.',
    'picker.noMatch': 'لا توجد نتيجة مطابقة لـ «{query}».',
    'picker.matches': '{count} نتيجة مطابقة؛ استخدم مفاتيح الأسهم للاختيار.',
    'picker.remove': 'إزالة {name}',
    'picker.chosen': '{field}: المختار',
    'picker.noneChosen': 'لم يُختر شيء بعد.',
    'picker.add': 'إضافة: {field}',
  },
  zh: {
    'picker.hint': '输入以搜索，然后用方向键和回车键选择。',
    'picker.noMatch': '没有与“{query}”匹配的结果。',
    'picker.matches': '{count} 个匹配结果；请用方向键选择。',
    'picker.remove': '移除 {name}',
    'picker.chosen': '{field}：已选',
    'picker.noneChosen': '尚未选择。',
    'picker.add': '添加：{field}',
  },
  fr: {
    'picker.hint': 'Tapez pour chercher, puis choisissez avec les flèches et Entrée.',
    'picker.noMatch': 'Aucun résultat pour « {query} ».',
    'picker.matches': '{count} résultats ; choisissez avec les flèches.',
    'picker.remove': 'Retirer {name}',
    'picker.chosen': '{field} : choix',
    'picker.noneChosen': 'Rien de choisi pour l’instant.',
    'picker.add': 'Ajouter : {field}',
  },
  ru: {
    'picker.hint': 'Начните вводить для поиска, затем выберите стрелками и клавишей Enter.',
    'picker.noMatch': 'Нет совпадений для «{query}».',
    'picker.matches': 'Совпадений: {count}; выберите стрелками.',
    'picker.remove': 'Удалить: {name}',
    'picker.chosen': '{field}: выбрано',
    'picker.noneChosen': 'Пока ничего не выбрано.',
    'picker.add': 'Добавить: {field}',
  },
  es: {
    'picker.hint': 'Escriba para buscar y elija con las flechas y Intro.',
    'picker.noMatch': 'Ningún resultado para «{query}».',
    'picker.matches': '{count} resultados; elija con las flechas.',
    'picker.remove': 'Quitar {name}',
    'picker.chosen': '{field}: elegidos',
    'picker.noneChosen': 'Nada elegido todavía.',
    'picker.add': 'Añadir: {field}',
  },
});
