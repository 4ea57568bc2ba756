#pragma once

#include "api_error.h"

#include <optional>
#include <utility>
#include <variant>

namespace keyward {

// A value or the ApiError that prevented it. Services return these instead of throwing,
// so errors never cross an event loop and every caller has to look at them.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(ApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    // By value, not T&&: `for (x : service.call().value())` must not iterate a destroyed temporary.
    T value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const ApiError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};

struct Done {};

// For operations that succeed with nothing to return.
using Status = Result<Done>;
inline Status success()
{
    return Done{};
}

// Whether `result` succeeded, without its value.
template <typename T>
Status statusOf(const Result<T> &result)
{
    return result ? success() : Status(result.error());
}

// The error of `result`, if it failed.
template <typename T>
std::optional<ApiError> errorOf(const Result<T> &result)
{
    return result ? std::nullopt : std::optional<ApiError>(result.error());
}

} // namespace keyward
