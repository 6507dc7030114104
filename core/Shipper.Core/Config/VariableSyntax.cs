namespace Shipper.Core.Config;

/// <summary>Finds the brace closing a <c>${</c>, counting nested <c>${...}</c> in defaults.</summary>
internal static class VariableSyntax
{
    /// <summary>The index of the <c>}</c> closing the reference whose name starts at <paramref name="start"/>, or -1.</summary>
    public static int FindClose(string text, int start)
    {
        var depth = 1;
        for (var j = start; j < text.Length; j++)
        {
            if (text[j] == '$' && j + 1 < text.Length && text[j + 1] == '{')
            {
                depth++;
                j++;
            }
            else if (text[j] == '}' && --depth == 0)
            {
                return j;
            }
        }

        return -1;
    }
}
