; ModuleID = "symgrad_ecbf4efdabb5"
target triple = "unknown-unknown-unknown"
target datalayout = ""

define private void @"body"(i64 %"n", ptr noalias %"in_x", ptr noalias %"in_y", ptr noalias %"out_value", ptr noalias %"out_d_x") noinline nounwind
{
entry:
  %"nonempty" = icmp sgt i64 %"n", 0
  br i1 %"nonempty", label %"preheader", label %"exit"
preheader:
  %"y" = load float, ptr %"in_y"
  br label %"loop"
loop:
  %"i" = phi  i64 [0, %"preheader"], [%"i_next", %"loop"]
  %".9" = getelementptr inbounds float, ptr %"in_x", i64 %"i"
  %"x" = load float, ptr %".9"
  %"t0" = fdiv float 0x3ff0000000000000, %"y"
  %".11" = fcmp oge float %"x", %"y"
  %"isnan" = fcmp uno float %"x", %"x"
  %".12" = or i1 %".11", %"isnan"
  %"t1" = select  i1 %".12", float %"x", float %"y"
  %".13" = fcmp oge float %"x",              0x0
  %"isnan.1" = fcmp uno float %"x", %"x"
  %".14" = or i1 %".13", %"isnan.1"
  %"t2" = select  i1 %".14", float %"x", float              0x0
  %".15" = fmul float %"t0", %"t1"
  %"t3" = fmul float %".15", %"t2"
  %"t4" = fmul float %"t0", %"t2"
  %"t5" = fmul float %"t0", %"t1"
  %"t6" = fcmp ogt float %"x",              0x0
  %"t7" = select  i1 %"t6", float %"t5", float              0x0
  %"t8" = fcmp oge float %"x", %"y"
  %"t9" = fcmp oeq float %"x", %"y"
  %"t10" = select  i1 %"t9", float 0x3fe0000000000000, float 0x3ff0000000000000
  %"t11" = fmul float %"t4", %"t10"
  %"t12" = select  i1 %"t8", float %"t11", float              0x0
  %"t13" = fadd float %"t7", %"t12"
  %".27" = getelementptr inbounds float, ptr %"out_value", i64 %"i"
  store float %"t3", ptr %".27"
  %".29" = getelementptr inbounds float, ptr %"out_d_x", i64 %"i"
  store float %"t13", ptr %".29"
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
  %".7" = getelementptr inbounds ptr, ptr %"outs", i64 0
  %"out_value" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"outs", i64 1
  %"out_d_x" = load ptr, ptr %".8"
  call void @"body"(i64 %"n", ptr %"in_x", ptr %"in_y", ptr %"out_value", ptr %"out_d_x")
  ret void
}
