using FluentValidation;

namespace Kreminna1325.Web;

/// <summary>Lets a MudForm ask Core's FluentValidation validator about one field at a time, so messages appear at the field.</summary>
public sealed class FluentValidationAdapter<T>(IValidator<T> validator)
{
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var context = ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName));
        var result = await validator.ValidateAsync(context);
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
