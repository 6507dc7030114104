using System.Collections;

namespace Shipper.Core.Config;

/// <summary>Recognises the list and dictionary property types the binder fills, and builds them.</summary>
internal static class CollectionTypes
{
    private static readonly Type[] ListShapes =
    [
        typeof(List<>), typeof(IReadOnlyList<>), typeof(IList<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>),
    ];

    private static readonly Type[] DictionaryShapes = [typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>)];

    /// <summary>The element type of <c>T[]</c>, <c>List&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c> and the like; null otherwise.</summary>
    public static Type? ElementOfList(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && ListShapes.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0] : null;
    }

    /// <summary>The value type of a dictionary keyed by string; null otherwise.</summary>
    public static Type? ValueOfDictionary(Type type) =>
        type.IsGenericType && DictionaryShapes.Contains(type.GetGenericTypeDefinition()) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    public static object MakeList(Type listType, Type element, List<object?> items)
    {
        if (listType.IsArray)
        {
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element), items.Count)!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
