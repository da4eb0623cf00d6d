package screen

// fold maps a rune that survives NFKC and diacritic stripping to the Latin
// (upper-case ASCII) text it is read as. Most entries are the Latin-looking
// letters of Cyrillic, Greek and Armenian, taken from Unicode Technical
// Standard #39 (Unicode Security Mechanisms), confusables.txt, where the
// prototype is a Latin letter or a Latin small capital. TR39 maps the
// lower-case forms to Latin lower case (or small capitals such as ᴍ, ʜ, ᴛ);
// since the normaliser folds case anyway, both cases go straight to upper
// case here. A few Latin letters with no decomposition (ø, ł, ß, æ) and the
// apostrophe look-alikes are added so that one table holds every
// non-mechanical fold. It is data: extend it, do not add code paths.
//
// https://www.unicode.org/reports/tr39/#Confusable_Detection
var fold = map[rune]string{
	// Cyrillic upper case (TR39: U+0410 → A, U+0412 → B, ...).
	'А': "A", 'В': "B", 'Е': "E", 'З': "3", 'І': "I", 'Ј': "J", 'К': "K", 'М': "M",
	'Н': "H", 'О': "O", 'Р': "P", 'С': "C", 'Ѕ': "S", 'Т': "T", 'Х': "X", 'У': "Y",
	'Ү': "Y", 'Ԛ': "Q", 'Ԝ': "W", 'Һ': "H", 'Ӏ': "I", 'Ь': "B", 'Ѵ': "V",
	// Cyrillic lower case.
	'а': "A", 'в': "B", 'е': "E", 'і': "I", 'ј': "J", 'к': "K", 'м': "M", 'н': "H",
	'о': "O", 'р': "P", 'с': "C", 'ѕ': "S", 'т': "T", 'х': "X", 'у': "Y", 'ү': "Y",
	'ԁ': "D", 'ԛ': "Q", 'ԝ': "W", 'һ': "H", 'ӏ': "L", 'ѵ': "V", 'ь': "B",
	// Greek upper case.
	'Α': "A", 'Β': "B", 'Ε': "E", 'Ζ': "Z", 'Η': "H", 'Ι': "I", 'Κ': "K", 'Μ': "M",
	'Ν': "N", 'Ο': "O", 'Ρ': "P", 'Τ': "T", 'Υ': "Y", 'Χ': "X", 'Ϲ': "C", 'Ϳ': "J",
	// Greek lower case.
	'α': "A", 'ι': "I", 'κ': "K", 'ν': "V", 'ο': "O", 'ρ': "P", 'τ': "T", 'υ': "U",
	'χ': "X", 'γ': "Y", 'ϲ': "C", 'ϳ': "J", 'ε': "E", 'η': "N",
	// Armenian.
	'Օ': "O", 'Ս': "U", 'Տ': "S", 'Լ': "L", 'Ո': "N",
	'ո': "N", 'ս': "U", 'օ': "O", 'ց': "G", 'զ': "Q", 'հ': "H", 'ա': "W", 'ք': "P",
	// Latin letters without a canonical decomposition, and IPA look-alikes.
	'ø': "O", 'Ø': "O", 'ł': "L", 'Ł': "L", 'đ': "D", 'Đ': "D", 'ħ': "H", 'Ħ': "H",
	'ı': "I", 'ß': "SS", 'ẞ': "SS", 'æ': "AE", 'Æ': "AE", 'œ': "OE", 'Œ': "OE",
	'þ': "TH", 'Þ': "TH", 'ð': "D", 'Ð': "D", 'ŋ': "N", 'ɑ': "A", 'ɡ': "G", 'ɩ': "I",
	'ɪ': "I", 'ʀ': "R", 'ʏ': "Y", 'ᴀ': "A", 'ʙ': "B", 'ᴄ': "C", 'ᴅ': "D", 'ᴇ': "E",
	'ɢ': "G", 'ʜ': "H", 'ᴊ': "J", 'ᴋ': "K", 'ʟ': "L", 'ᴍ': "M", 'ɴ': "N", 'ᴏ': "O",
	'ᴘ': "P", 'ᴛ': "T", 'ᴜ': "U", 'ᴠ': "V", 'ᴡ': "W", 'ᴢ': "Z",
	// Apostrophe look-alikes all become ASCII ', which the tokeniser drops
	// inside words (L’Oréal) and treats as a separator elsewhere.
	'’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", '´': "'", '`': "'", '′': "'",
}
