using System.Text;

namespace Ecp.Tests.Campaigns;

/// <summary>
/// A generated FCC-like docket with known groups, seeded so every run is the same: mail-merge
/// campaigns (exact copies with changed case, spacing and punctuation; templates with a word added,
/// dropped or mistyped; added signatures; synonyms swapped in every sentence) and organic comments
/// that argue the same point from the same vocabulary in their own words, which must stay apart.
/// Six scripts: Latin with and without accents (English, French, Spanish), Cyrillic, Arabic, and
/// Chinese written without spaces.
/// </summary>
public sealed class CommentCorpus
{
    public sealed record Comment(string Text, int TrueGroup);

    private static readonly (string Language, string Letters, bool Spaces)[] Scripts =
    [
        ("en", "abcdefghijklmnopqrstuvwxyz", true),
        ("fr", "abcdefghijklmnopqrstuvwxyzéèàçê", true),
        ("es", "abcdefghijklmnopqrstuvwxyzñáéó", true),
        ("ru", "абвгдежзийклмнопрстуфхцчшщыэюя", true),
        ("ar", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", true),
        ("zh", "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴推", false),
    ];

    public List<Comment> Comments { get; } = [];

    public int Groups { get; private set; }

    public static CommentCorpus Generate(int seed, int campaigns, int organic)
    {
        var random = new Random(seed);
        var corpus = new CommentCorpus();
        var vocabularies = Scripts.Select(s => Vocabulary(random, s.Letters, s.Spaces ? 600 : 900, s.Spaces)).ToArray();
        for (var c = 0; c < campaigns; c++)
        {
            var script = c % Scripts.Length;
            var size = 5 + (int)(Math.Pow(random.NextDouble(), 3) * 400);
            var template = Template(random, vocabularies[script]);
            var group = corpus.Groups++;
            var kind = c % 4; // 0 copies, 1 trivial edits, 2 signatures, 3 synonym swaps
            for (var i = 0; i < size; i++)
            {
                var words = Fill(random, template, swap: kind == 3);
                if (kind == 1) Edit(random, words, vocabularies[script]);
                var text = Join(words, Scripts[script].Spaces);
                if (kind == 0) text = Restyle(random, text);
                if (kind == 2 || (kind == 3 && random.Next(2) == 0)) text += Signature(random, vocabularies[script], Scripts[script].Spaces);
                corpus.Comments.Add(new Comment(text, group));
            }
        }
        for (var o = 0; o < organic; o++)
        {
            var script = o % Scripts.Length;
            var length = 30 + random.Next(90);
            var words = Enumerable.Range(0, length).Select(_ => Zipf(random, vocabularies[script])).ToList();
            corpus.Comments.Add(new Comment(Join(words, Scripts[script].Spaces), corpus.Groups++));
        }
        // Arrival order mixes campaigns and organic comments, as a docket does.
        var shuffled = corpus.Comments.OrderBy(_ => random.Next()).ToList();
        corpus.Comments.Clear();
        corpus.Comments.AddRange(shuffled);
        return corpus;
    }

    private static List<string> Vocabulary(Random random, string letters, int size, bool spaces)
    {
        var words = new HashSet<string>();
        while (words.Count < size)
        {
            var length = spaces ? 2 + random.Next(8) : 1 + random.Next(2);
            words.Add(new string(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]).ToArray()));
        }
        return words.ToList();
    }

    /// <summary>A word by Zipf's law over the vocabulary: the few common words are very common.</summary>
    private static string Zipf(Random random, List<string> vocabulary)
        => vocabulary[Math.Min(vocabulary.Count - 1, (int)(Math.Pow(vocabulary.Count, random.NextDouble()) - 1))];

    /// <summary>6-10 sentences of 8-16 slots; about one slot in three (at least one a sentence) has two or three synonyms.</summary>
    private static List<List<string[]>> Template(Random random, List<string> vocabulary)
        => Enumerable.Range(0, 6 + random.Next(5)).Select(_ =>
        {
            var slots = Enumerable.Range(0, 8 + random.Next(9)).Select(_ => new[] { Zipf(random, vocabulary) }).ToList();
            for (var s = 0; s < slots.Count; s++)
            {
                if (s == 0 || random.Next(3) == 0) slots[s] = [slots[s][0], .. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Zipf(random, vocabulary))];
            }
            return slots;
        }).ToList();

    private static List<string> Fill(Random random, List<List<string[]>> template, bool swap)
        => template.SelectMany(sentence => sentence.Select(slot => swap ? slot[random.Next(slot.Length)] : slot[0]).Append(".")).ToList();

    private static void Edit(Random random, List<string> words, List<string> vocabulary)
    {
        for (var e = 0; e < 1 + random.Next(2); e++)
        {
            var at = random.Next(words.Count);
            switch (random.Next(3))
            {
                case 0: words.Insert(at, Zipf(random, vocabulary)); break;
                case 1: if (words[at] != ".") words.RemoveAt(at); break;
                default:
                    if (words[at].Length > 1) words[at] = words[at][..^1] + words[at][0];
                    break;
            }
        }
    }

    private static string Join(List<string> words, bool spaces)
    {
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            if (w == ".") sb.Append(spaces ? ". " : "。");
            else sb.Append(w).Append(spaces ? " " : "");
        }
        return sb.ToString().Trim();
    }

    /// <summary>The same words with other case, spacing and punctuation.</summary>
    private static string Restyle(Random random, string text) => random.Next(3) switch
    {
        0 => text.ToUpperInvariant(),
        1 => "  " + text.Replace(" ", "   ") + " !!",
        _ => text.Replace(". ", "; ") + "\n",
    };

    private static string Signature(Random random, List<string> vocabulary, bool spaces)
        => (spaces ? "\n\n" : "\n") + string.Join(spaces ? " " : "", Enumerable.Range(0, 3).Select(_ => vocabulary[random.Next(vocabulary.Count)]));
}
