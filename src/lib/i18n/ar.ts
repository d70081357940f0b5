import type { Dictionary } from "./dictionary.ts";
import { plural } from "./plural.ts";

/** Keeps a value that may be Latin (`#astro`, a search query) from taking the Arabic around it out of order. */
const isolated = (placeholder: string) => `\u2068${placeholder}\u2069`;

/**
 * Arabic, written right to left: the page mirrors, so an arrow points the way its link sits on
 * the page — "الأقدم ←" at the left end of the page list, "→ الأحدث" at the right. Counts have the
 * language's six plural forms; one and two are said with words alone, as Arabic does
 * (تدوينة واحدة، تدوينتان), 3–10 take the plural and 11–99 the singular.
 */
export const ar = {
  skipLink: "الانتقال إلى المحتوى",
  nav: { label: "القائمة الرئيسية", writing: "التدوينات", tags: "الوسوم", search: "بحث" },
  theme: { toggle: "تبديل المظهر", toLight: "التبديل إلى المظهر الفاتح", toDark: "التبديل إلى المظهر الداكن" },
  footer: { subscribe: "اشترك" },
  feeds: {
    rss: "{site} (RSS)",
    json: "{site} (JSON Feed)",
    tagTitle: `{site}: ${isolated("#{tag}")}`,
    tagDescription: `تدوينات الوسم ${isolated("#{tag}")} في {site}.`,
  },
  pagination: { label: "الصفحات", newer: "→ الأحدث", older: "الأقدم ←", page: "الصفحة {current} من {last}" },
  post: {
    readingTime: plural({
      zero: "أقل من دقيقة للقراءة",
      one: "دقيقة واحدة للقراءة",
      two: "دقيقتان للقراءة",
      few: "{count} دقائق للقراءة",
      many: "{count} دقيقة للقراءة",
      other: "{count} دقيقة للقراءة",
    }),
    updated: "آخر تحديث: {date}",
    tags: "الوسوم",
    contents: "المحتويات",
    related: "تدوينات ذات صلة",
    more: "مزيد من التدوينات",
    older: "→ الأقدم",
    newer: "الأحدث ←",
    allPosts: "كل التدوينات",
  },
  status: {
    draft: "مسودة",
    scheduled: "مجدولة",
    draftNote: "غير منشورة: لا تظهر هذه الصفحة إلا في {command} وفي بناء المعاينة.",
    scheduledNote: "تُنشر في {date}، وحتى ذلك الحين لا تظهر إلا في astro dev وفي بناء المعاينة.",
    undatedNote: "ليس لها تاريخ بعد.",
  },
  list: { undated: "بلا تاريخ", starred: "مميّزة" },
  copy: {
    code: "نسخ الشيفرة",
    address: "نسخ العنوان",
    copy: "نسخ",
    copied: "نُسخ",
    announceCopied: "نُسخ إلى الحافظة",
    announceFailed: "تعذّر النسخ، والنص محدَّد",
  },
  home: { latest: "أحدث التدوينات", noPosts: "لا تدوينات بعد.", everyPost: "كل التدوينات، حسب السنة ←" },
  archive: { title: "التدوينات", description: "كل ما نُشر في {site}، الأحدث أولًا." },
  tags: {
    title: "الوسوم",
    description: "كل موضوع كُتب عنه، وعدد تدويناته.",
    none: "لا وسوم بعد.",
    posts: plural({
      zero: "لا تدوينات",
      one: "تدوينة واحدة",
      two: "تدوينتان",
      few: "{count} تدوينات",
      many: "{count} تدوينة",
      other: "{count} تدوينة",
    }),
    tagged: `تدوينات الوسم ${isolated("#{tag}")}`,
    taggedDescription: `{posts} بالوسم ${isolated("#{tag}")}.`,
    pageSuffix: " (الصفحة {current} من {last})",
    allTags: "كل الوسوم",
  },
  search: {
    title: "بحث",
    description: "ابحث في كل تدوينات {site}.",
    label: "ابحث في التدوينات",
    submit: "بحث",
    needsBuild: "يحتاج البحث إلى بناء الموقع: يُنشأ الفهرس بعد {build}. شغّل {command} وابحث هناك.",
    offInPreview:
      "البحث معطّل في بناء المعاينة: لا يُبحث إلا في التدوينات المنشورة والمدرجة، وبناء المعاينة لا ينشر شيئًا. شغّل {command} لتجرّب البحث.",
    needsScript: "يجري البحث في متصفحك ويحتاج إلى JavaScript. كل التدوينات مدرجة في {archive}.",
    archive: "الأرشيف",
    more: "عرض مزيد من النتائج",
    resultTitle: "عنوان التدوينة",
    couldNotLoad: "تعذّر تحميل البحث. تحقّق من اتصالك وحاول مجددًا.",
    failed: "تعذّر البحث. حاول مجددًا، أو تصفّح الأرشيف.",
    noResults: `لا تدوينات تطابق «${isolated("{query}")}».`,
    results: plural({
      zero: `لا تدوينات تطابق «${isolated("{query}")}».`,
      one: `تدوينة واحدة تطابق «${isolated("{query}")}».`,
      two: `تدوينتان تطابقان «${isolated("{query}")}».`,
      few: `{count} تدوينات تطابق «${isolated("{query}")}».`,
      many: `{count} تدوينة تطابق «${isolated("{query}")}».`,
      other: `{count} تدوينة تطابق «${isolated("{query}")}».`,
    }),
  },
  subscribe: {
    title: "اشترك",
    description: "تابع {site} في قارئ خلاصات: عناوين RSS وJSON Feed للموقع كله أو لموضوع واحد.",
    lede: "يأتيك قارئ الخلاصات بالتدوينات الجديدة فور نشرها، بلا حساب ولا خوارزمية ولا بريد وارد. الصق أحد هذه العناوين في قارئك (NetNewsWire، Feedbin، Inoreader، Miniflux وغيرها كثير).",
    rssNote: "يعمل في كل قارئ خلاصات.",
    jsonNote: "للقرّاء والأدوات التي تفضّل JSON.",
    oneTopic: "موضوع واحد فقط",
    tagFeeds: "لكل وسم خلاصة RSS خاصة به.",
  },
  chart: { data: "البيانات" },
  notFound: {
    title: "الصفحة غير موجودة",
    description: "لا توجد صفحة بهذا العنوان.",
    heading: "هذه الصفحة ليست هنا",
    text: "ربما نُقلت، أو كُتب الرابط خطأً. في الأرشيف كل التدوينات.",
    home: "الرئيسية",
    allPosts: "كل التدوينات",
  },
} satisfies Dictionary;
