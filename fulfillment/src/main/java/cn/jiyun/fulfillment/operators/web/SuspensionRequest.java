package cn.jiyun.fulfillment.operators.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a cooperative is suspended: its admin and the other operators read it. */
public record SuspensionRequest(@NotBlank @Size(max = 400) String reason) {
}
