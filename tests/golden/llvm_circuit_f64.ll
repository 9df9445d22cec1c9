; ModuleID = "symgrad_16fb0ebbee11"
target triple = "unknown-unknown-unknown"
target datalayout = ""

define private void @"body"(i64 %"n", ptr noalias %"in_x", ptr noalias %"in_y", ptr noalias %"in_z", ptr noalias %"out_value", ptr noalias %"out_d_x", ptr noalias %"out_d_y", ptr noalias %"out_d_z") noinline nounwind
{
entry:
  %"nonempty" = icmp sgt i64 %"n", 0
  br i1 %"nonempty", label %"preheader", label %"exit"
preheader:
  br label %"loop"
loop:
  %"i" = phi  i64 [0, %"preheader"], [%"i_next", %"loop"]
  %".12" = getelementptr inbounds double, ptr %"in_x", i64 %"i"
  %"x" = load double, ptr %".12"
  %".13" = getelementptr inbounds double, ptr %"in_y", i64 %"i"
  %"y" = load double, ptr %".13"
  %".14" = getelementptr inbounds double, ptr %"in_z", i64 %"i"
  %"z" = load double, ptr %".14"
  %"t0" = fadd double %"x", %"y"
  %"t1" = fmul double %"z", %"t0"
  %".17" = getelementptr inbounds double, ptr %"out_value", i64 %"i"
  store double %"t1", ptr %".17"
  %".19" = getelementptr inbounds double, ptr %"out_d_x", i64 %"i"
  store double %"z", ptr %".19"
  %".21" = getelementptr inbounds double, ptr %"out_d_y", i64 %"i"
  store double %"z", ptr %".21"
  %".23" = getelementptr inbounds double, ptr %"out_d_z", i64 %"i"
  store double %"t0", ptr %".23"
  %"i_next" = add nuw nsw i64 %"i", 1
  %"more" = icmp slt i64 %"i_next", %"n"
  br i1 %"more", label %"loop", label %"exit"
exit:
  ret void
}

define void @"kernel"(i64 %"n", ptr %"ins", ptr %"outs") nounwind
{
entry:
  %".5" = getelementptr inbounds ptr, ptr %"ins", i64 0
  %"in_x" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds ptr, ptr %"ins", i64 1
  %"in_y" = load ptr, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"ins", i64 2
  %"in_z" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"outs", i64 0
  %"out_value" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"outs", i64 1
  %"out_d_x" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"outs", i64 2
  %"out_d_y" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"outs", i64 3
  %"out_d_z" = load ptr, ptr %".11"
  call void @"body"(i64 %"n", ptr %"in_x", ptr %"in_y", ptr %"in_z", ptr %"out_value", ptr %"out_d_x", ptr %"out_d_y", ptr %"out_d_z")
  ret void
}
