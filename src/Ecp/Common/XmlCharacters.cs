using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Ecp.Common;

/// <summary>
/// What every XML writer (the Atom feed, the Akoma Ntoso export, the SVG charts) passes its
/// document through before writing it. <see cref="InputRules"/> refuses new text that XML cannot
/// carry, but rows stored before the rule (or written by other means) may still hold U+0000 or
/// another character XML 1.0 forbids, and one such character made the writer throw: the whole
/// feed answered 500 for everyone. Each forbidden character is replaced by U+FFFD (the
/// replacement character) rather than dropped, so a reader sees that something was there.
/// </summary>
public static class XmlCharacters
{
    public const char Replacement = '\uFFFD';

    /// <summary>The text with every character XML 1.0 cannot carry (controls other than tab, CR and LF,
    /// lone surrogates, U+FFFE and U+FFFF) replaced by U+FFFD; the same instance when there is none.</summary>
    public static string Legal(string text)
    {
        StringBuilder? legal = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                legal?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                legal?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                legal ??= new StringBuilder(text.Length).Append(text, 0, i);
                legal.Append(Replacement);
            }
        }
        return legal?.ToString() ?? text;
    }

    /// <summary>Makes every text node, attribute value and comment of the tree legal, in place.</summary>
    public static T Legalize<T>(T node) where T : XContainer
    {
        foreach (var n in node.DescendantNodes())
        {
            switch (n)
            {
                case XText text: text.Value = Legal(text.Value); break;
                case XComment comment: comment.Value = Legal(comment.Value); break;
                case XElement element:
                    foreach (var attribute in element.Attributes()) attribute.Value = Legal(attribute.Value);
                    break;
            }
        }
        if (node is XElement root)
        {
            foreach (var attribute in root.Attributes()) attribute.Value = Legal(attribute.Value);
        }
        return node;
    }
}
